const app = document.querySelector<HTMLDivElement>('#app')!;
app.innerHTML = `<main><h1>Cairn</h1><p>Microcredentials your district authors, teachers earn, and anyone verifies.</p></main>`;
