import { Cafe } from '../cafe/Cafe';
import type { CafeOptions } from '../store/cafeStore';

/**
 * The page's café. The header and the one-sentence introduction are static HTML in
 * index.html (they paint before the script arrives); React renders the café into <main>.
 */
export function App({ options, present }: { options?: CafeOptions; present?: boolean }) {
  return <Cafe options={options} id="cafe" present={present} />;
}
