// Drafting a recipe from the page, through the API routes (POST /drafts, POST /drafts/{id}/answers,
// GET /drafts/{id}) and a build from it (POST /builds), with the token kept in this tab only.

import { call, problemText, tokenInput, TOKEN_KEY } from "./builds.js";

const POLL_MS = 1000;

interface Question {
  id: string;
  question: string;
  defaultAnswer: string;
  answer: string | null;
}
interface DraftState {
  sessionId: string;
  status: "asking" | "drafting" | "written" | "failed";
  questions: Question[];
  recipe: string | null;
  failure: string | null;
  provider: string;
  model: string;
}

export function wireDraftPage(root: Document): void {
  const form = root.querySelector<HTMLFormElement>("form[data-draft-form]");
  const questions = root.getElementById("draft-questions") as HTMLFormElement | null;
  const status = root.getElementById("draft-status");
  const result = root.getElementById("draft-result");
  if (!form || !questions || !status || !result) return;
  const token = tokenInput(form);
  const auth = () => ({ authorization: `Bearer ${token.value}` });
  let sessionId = "";
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.className = error ? "notice error" : "";
  };

  const follow = (state: DraftState) => {
    sessionId = state.sessionId;
    if (state.status === "asking") return ask(state);
    if (state.status === "drafting") {
      say(`Drafting with ${state.provider || "the model"} ${state.model}…`);
      setTimeout(() => void call(`/drafts/${sessionId}`, { headers: auth() }).then(({ ok, body }) => (ok ? follow(body as DraftState) : say(problemText(body), true))), POLL_MS);
      return;
    }
    if (state.status === "failed") return say(`No recipe: ${state.failure ?? "the draft failed"}`, true);
    say(`Drafted (session ${state.sessionId}). Read the assumptions in its header before you build it.`);
    show(state.recipe ?? "");
  };

  const ask = (state: DraftState) => {
    const list = questions.querySelector("[data-questions]")!;
    list.replaceChildren();
    for (const q of state.questions.filter((x) => x.answer === null)) {
      const label = root.createElement("label");
      label.htmlFor = `q-${q.id}`;
      label.textContent = q.question;
      const input = root.createElement("input");
      input.id = `q-${q.id}`;
      input.name = q.id;
      input.placeholder = q.defaultAnswer;
      input.maxLength = 2000;
      list.append(label, input);
    }
    questions.hidden = false;
    say(`${list.querySelectorAll("input").length} question(s) first.`);
    (list.querySelector("input") as HTMLInputElement | null)?.focus();
  };

  const show = (recipe: string) => {
    result.hidden = false;
    root.getElementById("draft-recipe")!.textContent = recipe;
    const download = root.getElementById("draft-download") as HTMLAnchorElement;
    URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([recipe], { type: "application/yaml" }));
    const name = /^name: (\S+)$/m.exec(recipe)?.[1];
    if (name) download.download = `${name}.yaml`;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    questions.hidden = true;
    result.hidden = true;
    say("Checking the requirements…");
    const requirements = String(new FormData(form).get("requirements") ?? "");
    void call("/drafts", { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify({ requirements }) }).then(({ ok, body }) => {
      if (!ok) return say(`Not drafted: ${problemText(body)}`, true);
      sessionStorage.setItem(TOKEN_KEY, token.value);
      follow(body as DraftState);
    });
  });

  questions.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = Object.fromEntries([...new FormData(questions)].filter(([, v]) => String(v).trim() !== "").map(([k, v]) => [k, String(v).trim()]));
    questions.hidden = true;
    void call(`/drafts/${sessionId}/answers`, { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify({ answers, defaults: true }) }).then(({ ok, body }) => (ok ? follow(body as DraftState) : say(`Not drafted: ${problemText(body)}`, true)));
  });

  const build = root.getElementById("draft-build") as HTMLFormElement;
  build.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(build);
    const recipe = root.getElementById("draft-recipe")!.textContent ?? "";
    const request = { target: data.get("target"), config: { records: Number(data.get("records")) }, recipe };
    void call("/builds", { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify(request) }).then(({ ok, body }) => {
      if (!ok) return say(`Not started: ${problemText(body)}`, true);
      location.assign(`/ui/builds/${encodeURIComponent((body as { buildId: string }).buildId)}`);
    });
  });
}
