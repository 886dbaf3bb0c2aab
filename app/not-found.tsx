import { NotFoundMessage } from "@/components/layout/not-found-message";

// Addresses no route matches: the root layout has no <main> of its own.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md flex-1 px-4 py-16 text-center">
      <NotFoundMessage />
    </main>
  );
}
