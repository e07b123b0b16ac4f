// The expression language of derived fields: a small grammar parsed by hand into a tree that
// expression-eval.ts walks. Nothing is ever handed to eval or Function: a recipe is data. Bounded in
// length and depth, so a hostile expression costs at most a few thousand steps per record.
//
//   expression := or
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | compare
//   compare    := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
//   sum        := product (("+" | "-") product)*
//   product    := unary (("*" | "/" | "%") unary)*
//   unary      := "-" unary | primary
//   primary    := number | 'text' | true | false | null | name | name "." name
//               | name "(" (expression ("," expression)*)? ")" | "(" expression ")"

export const EXPRESSION_LIMITS = { length: 1_000, depth: 32, nodes: 500 } as const;

export type Node =
  | { kind: "literal"; value: number | string | boolean | null; at: number }
  | { kind: "field"; name: string; at: number }
  /** `order_lines.amount`: a field of a child entity, only inside an aggregate. */
  | { kind: "child"; entity: string; field: string; at: number }
  | { kind: "call"; name: string; args: Node[]; at: number }
  | { kind: "unary"; op: "-" | "not"; arg: Node; at: number }
  | { kind: "binary"; op: string; left: Node; right: Node; at: number };

/** A bad expression, with the character it is at (1-based) and what is allowed. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(`${message} (at character ${at + 1})`);
  }
}

type Token = { kind: "number" | "text" | "name" | "op" | "end"; text: string; value?: number | string; at: number };

const OPERATORS = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", "."];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i, i + 40));
    if (number) {
      tokens.push({ kind: "number", text: number[0], value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (c === "'") {
      let text = "";
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new ExpressionError("a text that is never closed: end it with '", i);
        if (source[j] === "'" && source[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (source[j] === "'") break;
        else text += source[j++];
      }
      tokens.push({ kind: "text", text: source.slice(i, j + 1), value: text, at: i });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 80));
    if (name) {
      tokens.push({ kind: "name", text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new ExpressionError(`'${c}' is not part of the language; allowed: numbers, 'text', field names, functions, + - * / % == != < <= > >= and or not ( ) ,`, i);
    tokens.push({ kind: "op", text: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "the end", at: source.length });
  return tokens;
}

/** Parses an expression into its tree, or throws an ExpressionError naming the place. */
export function parseExpression(source: string): Node {
  if (source.length > EXPRESSION_LIMITS.length) throw new ExpressionError(`an expression is at most ${EXPRESSION_LIMITS.length} characters`, EXPRESSION_LIMITS.length);
  const tokens = tokenize(source);
  let k = 0;
  let nodes = 0;
  const peek = () => tokens[k]!;
  const isOp = (text: string) => peek().kind === "op" && peek().text === text;
  const isWord = (text: string) => peek().kind === "name" && peek().text === text;
  const expect = (text: string) => {
    if (!isOp(text)) throw new ExpressionError(`expected '${text}', found ${describe(peek())}`, peek().at);
    k++;
  };
  const node = <T extends Node>(n: T, depth: number): T => {
    if (++nodes > EXPRESSION_LIMITS.nodes) throw new ExpressionError(`an expression has at most ${EXPRESSION_LIMITS.nodes} parts`, n.at);
    if (depth > EXPRESSION_LIMITS.depth) throw new ExpressionError(`an expression nests at most ${EXPRESSION_LIMITS.depth} deep`, n.at);
    return n;
  };

  const binaryLevel = (ops: readonly string[], next: (d: number) => Node, words = false) => (depth: number): Node => {
    let left = next(depth + 1);
    while (words ? ops.some(isWord) : ops.some(isOp)) {
      const t = tokens[k++]!;
      left = node({ kind: "binary", op: t.text, left, right: next(depth + 1), at: t.at }, depth);
    }
    return left;
  };
  const primary = (depth: number): Node => {
    const t = peek();
    if (t.kind === "number" || t.kind === "text") {
      k++;
      return node({ kind: "literal", value: t.value!, at: t.at }, depth);
    }
    if (isOp("(")) {
      k++;
      const inner = expression(depth + 1);
      expect(")");
      return inner;
    }
    if (t.kind !== "name") throw new ExpressionError(`expected a value, a field or a function, found ${describe(t)}`, t.at);
    k++;
    if (t.text === "true" || t.text === "false") return node({ kind: "literal", value: t.text === "true", at: t.at }, depth);
    if (t.text === "null") return node({ kind: "literal", value: null, at: t.at }, depth);
    if (isOp("(")) {
      k++;
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(expression(depth + 1));
        while (isOp(",")) {
          k++;
          args.push(expression(depth + 1));
        }
      }
      expect(")");
      return node({ kind: "call", name: t.text, args, at: t.at }, depth);
    }
    if (isOp(".")) {
      k++;
      const field = peek();
      if (field.kind !== "name") throw new ExpressionError(`expected a field name after '${t.text}.'`, field.at);
      k++;
      return node({ kind: "child", entity: t.text, field: field.text, at: t.at }, depth);
    }
    return node({ kind: "field", name: t.text, at: t.at }, depth);
  };
  const unary = (depth: number): Node => {
    if (isOp("-")) {
      const at = tokens[k++]!.at;
      return node({ kind: "unary", op: "-", arg: unary(depth + 1), at }, depth);
    }
    return primary(depth);
  };
  const product = binaryLevel(["*", "/", "%"], unary);
  const sum = binaryLevel(["+", "-"], product);
  const compare = (depth: number): Node => {
    const left = sum(depth + 1);
    const t = peek();
    if (t.kind === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.text)) {
      k++;
      return node({ kind: "binary", op: t.text, left, right: sum(depth + 1), at: t.at }, depth);
    }
    return left;
  };
  const not = (depth: number): Node => {
    if (isWord("not")) {
      const at = tokens[k++]!.at;
      return node({ kind: "unary", op: "not", arg: not(depth + 1), at }, depth);
    }
    return compare(depth);
  };
  const and = binaryLevel(["and"], not, true);
  const or = binaryLevel(["or"], and, true);
  function expression(depth: number): Node {
    return or(depth);
  }

  const tree = expression(0);
  if (peek().kind !== "end") throw new ExpressionError(`unexpected ${describe(peek())} after a complete expression`, peek().at);
  return tree;
}

const describe = (t: Token) => (t.kind === "end" ? "the end" : `'${t.text}'`);
