import { NotFoundMessage } from "@/components/layout/not-found-message";

// notFound() from a shop page: drawn inside the shop layout's <main>, with its header and footer.
export default function ShopNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <NotFoundMessage />
    </div>
  );
}
