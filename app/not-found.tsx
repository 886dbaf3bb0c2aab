import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className="mt-2 text-slate-700">The event may have moved or the link may be mistyped.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
        Browse events
      </Link>
    </main>
  );
}
