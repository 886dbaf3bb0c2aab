import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">This page is not for your account</h1>
      <p className="mt-2 text-slate-700">
        It belongs to organizers. If you run events, ask the owner of your organization to add you.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
        Back to events
      </Link>
    </div>
  );
}
