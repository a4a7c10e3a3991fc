// The embed page's entry (embed.html): the café itself loads as its own chunk, so the page
// paints its "Loading" line at once and index.html's entry stays as it was.
import '../app/theme.css';
import './embed.css';

void import('./main').then((mod) => mod.start());
