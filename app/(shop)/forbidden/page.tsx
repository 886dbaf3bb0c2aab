import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-bold">This page is not for your account</h1>
      <p className="mt-2 text-slate-700">
        It belongs to organizers. If your organization sells on Marquee, ask its owner to add you; if you run events of
        your own,{" "}
        <Link href="/for-organizers" className="font-semibold text-brand-700 underline">
          apply to sell tickets
        </Link>
        .
      </p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
        Back to events
      </Link>
    </div>
  );
}
