// TEMPORARY stub so the app builds while this view is being written. Must not be committed as is.
export default function CarriersView() {
  return <main className="todo">Carriers view under construction</main>;
}
