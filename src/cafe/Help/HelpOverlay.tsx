import { useEffect, useId, useRef } from 'react';
import { useCafe } from '../../store/CafeContext';
import { KEY_BINDINGS, describeKeys } from '../keyboard';

/** The `?` overlay: every key the café answers to. */
export function HelpOverlay() {
  const open = useCafe((s) => s.helpOpen);
  const toggleHelp = useCafe((s) => s.toggleHelp);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    // Give focus back where it was, so keyboard users keep their place in the café.
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div className="help-card">
        <h3 id={titleId}>Keyboard</h3>
        <p>
          Keys work from page load, without a click: they reach the café you last used (or the only one on the
          page). In presenter mode <kbd>b</kbd> and <kbd>.</kbd> blank the screen, as slide clickers send
          them; outside it <kbd>b</kbd> steps back.
        </p>
        <table>
          <tbody>
            {KEY_BINDINGS.map((b) => (
              <tr key={b.label}>
                <th scope="row">
                  <kbd>{describeKeys(b.keys)}</kbd>
                </th>
                <td>{b.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="btn" onClick={() => toggleHelp(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
