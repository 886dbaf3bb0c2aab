import Markdown from "react-markdown";

// An event's description, written by organizers in Markdown. Raw HTML is dropped (never
// rendered), only prose elements are allowed, and react-markdown's default URL filter
// removes javascript: and other unsafe links; links open as plain external links.
const ALLOWED = [
  "p",
  "h1",
  "br",
  "strong",
  "em",
  "del",
  "a",
  "ul",
  "ol",
  "li",
  "blockquote",
  "h2",
  "h3",
  "h4",
  "hr",
  "code",
];

export function EventDescription({ markdown }: { markdown: string }) {
  return (
    <div className="flex flex-col gap-2 text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_h2]:text-lg [&_h2]:font-bold [&_h3]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6">
      <Markdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        components={{
          // An h1 in a description would compete with the page's title: demote headings by one.
          h1: ({ children }) => <h2>{children}</h2>,
          a: ({ href, children }) => (
            <a href={href} rel="nofollow noopener noreferrer" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
