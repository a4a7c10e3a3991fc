import { useEffect, useId, useRef, useState } from 'react';
import { useCafeStore } from '../../store/CafeContext';
import { savedLastStep } from '../../lessons/progressKey';
import { iframeSnippet, scriptSnippet, type SnippetInput } from './embedSnippets';
import './embed.css';

const PANELS = [
  ['timeline', 'Timeline'],
  ['terminal', 'Terminal'],
  ['logs', 'CloudWatch logs'],
  ['code', 'Handler code'],
  ['charts', 'Charts'],
  ['config', 'Configuration'],
] as const;

/** The app's folder (embed.html, embed.js and lambda-cafe.js are beside index.html). */
function appBase(): string {
  return new URL('./', window.location.href).href;
}

/**
 * The Embed dialog: the iframe and script snippets for this café (its open lesson step, seed,
 * speed and kitchen settings) with the panels, controls and theme chosen here, and copy buttons.
 * A modal <dialog>: focus stays in it, Escape closes it, focus returns to the Embed button.
 */
export default function EmbedDialog({ onClose }: { onClose: () => void }) {
  const store = useCafeStore();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The café as it is when the dialog opens (a lesson is open when its steps drive the café).
  const [snapshot] = useState(() => {
    const s = store.getState();
    return {
      seed: s.seed,
      speed: s.speed,
      settings: s.settings,
      lesson: s.slides ? savedLastStep() : undefined,
    };
  });
  const [panels, setPanels] = useState<string[]>([]);
  const [controls, setControls] = useState<SnippetInput['controls']>('full');
  const [theme, setTheme] = useState<SnippetInput['theme']>('auto');
  const [withLesson, setWithLesson] = useState(true);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const dialog = ref.current!;
    // Modal: the rest of the page is inert, focus stays in the dialog. (Unmounting removes it.)
    if (!dialog.open) dialog.showModal();
  }, []);

  const input: SnippetInput = {
    base: appBase(),
    seed: snapshot.seed,
    speed: snapshot.speed,
    settings: snapshot.settings,
    lesson: withLesson ? snapshot.lesson : undefined,
    panels,
    controls,
    theme,
  };
  const snippets = [
    { id: 'iframe', label: 'An iframe (no script)', text: iframeSnippet(input) },
    { id: 'element', label: 'The <lambda-cafe> element (sizes itself)', text: scriptSnippet(input) },
  ];

  async function copy(label: string, text: string, area: HTMLTextAreaElement | null) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied: ${label}.`);
    } catch {
      area?.focus();
      area?.select();
      setStatus('The browser did not allow copying: the snippet is selected, press Ctrl+C (⌘C on a Mac).');
    }
  }

  return (
    <dialog
      ref={ref}
      className="embed-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // The café's keys must not act on what is typed or chosen here (s, a, Space…).
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="embed-dialog-head">
        <h2 id={titleId}>Embed this café</h2>
        <button type="button" className="btn ghost" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <p>
        Paste a snippet into a tutorial page. It opens{' '}
        {input.lesson
          ? `lesson "${input.lesson.lessonId}" at step ${input.lesson.step} (the step sets up its own run).`
          : 'with this café’s seed, speed and kitchen settings.'}{' '}
        Each embedded café runs on its own; the README’s “Embed it” lists the messages a page can send it.
      </p>
      <fieldset className="embed-options">
        <legend>What the embedded café shows</legend>
        {snapshot.lesson && (
          <label>
            <input type="checkbox" checked={withLesson} onChange={(e) => setWithLesson(e.target.checked)} />{' '}
            Open at this lesson step
          </label>
        )}
        <div className="embed-panels-choice" role="group" aria-label="Panels">
          <span>Panels:</span>
          {PANELS.map(([id, label]) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={panels.includes(id)}
                onChange={(e) =>
                  setPanels((p) =>
                    e.target.checked
                      ? PANELS.map(([x]) => x).filter((x) => x === id || p.includes(x))
                      : p.filter((x) => x !== id),
                  )
                }
              />{' '}
              {label}
            </label>
          ))}
        </div>
        <label>
          Controls{' '}
          <select value={controls} onChange={(e) => setControls(e.target.value as SnippetInput['controls'])}>
            <option value="full">full</option>
            <option value="minimal">minimal (orders and playback)</option>
            <option value="none">none (no bar, no keys)</option>
          </select>
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as SnippetInput['theme'])}>
            <option value="auto">auto (the page’s)</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
      </fieldset>
      {snippets.map((s) => (
        <Snippet key={s.id} label={s.label} text={s.text} onCopy={copy} />
      ))}
      <p className="embed-status" role="status">
        {status}
      </p>
    </dialog>
  );
}

function Snippet({
  label,
  text,
  onCopy,
}: {
  label: string;
  text: string;
  onCopy: (label: string, text: string, area: HTMLTextAreaElement | null) => Promise<void>;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="embed-snippet">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        readOnly
        value={text}
        rows={text.split('\n').length + 1}
        spellCheck={false}
      />
      <button type="button" className="btn" onClick={() => void onCopy(label, text, area.current)}>
        Copy {label.startsWith('An iframe') ? 'the iframe' : 'the element'}
      </button>
    </div>
  );
}
