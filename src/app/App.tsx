import { Cafe } from '../cafe/Cafe';
import type { CafeOptions } from '../store/cafeStore';
import { LessonsEntry, type LessonLink } from '../lessons/ui/LessonsEntry';

/**
 * The page's café. The header and the one-sentence introduction are static HTML in
 * index.html (they paint before the script arrives); React renders the café into <main>.
 * The lessons' entry sits in the café's guide place, beside the scene.
 */
export function App({
  options,
  present,
  lesson,
}: {
  options?: CafeOptions;
  present?: boolean;
  lesson?: LessonLink;
}) {
  return <Cafe options={options} id="cafe" present={present} guide={<LessonsEntry link={lesson} />} />;
}
