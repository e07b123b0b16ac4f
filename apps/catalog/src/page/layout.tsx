/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

export type Section = "catalog" | "compare" | "builds" | "draft";

export interface LayoutProps {
  title: string;
  section: Section;
  /** `?v=` of the script and stylesheet links: their content hashes, so a new build is never stale. */
  assets: { script: string; style: string };
  children?: Child;
}

const SECTIONS: Array<[Section, string, string]> = [
  ["catalog", "/", "Catalog"],
  ["compare", "/ui/compare", "Compare"],
  ["builds", "/ui/builds", "Builds"],
  ["draft", "/ui/draft", "Draft"],
];

/** Every page's frame: a skip link, the site navigation with the current section marked, one h1. */
export function Layout({ title, section, assets, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Synthetic Data Hub`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`/ui/assets/style.css?v=${assets.style}`} />
        <script type="module" src={`/ui/assets/app.js?v=${assets.script}`}></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header>
          <a class="brand" href="/">
            Synthetic Data Hub
          </a>
          <nav aria-label="Main">
            <ul>
              {SECTIONS.map(([key, href, label]) => (
                <li>
                  <a href={href} aria-current={key === section ? "page" : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                <a href="/openapi.json">API</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
