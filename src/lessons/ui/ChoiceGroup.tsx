import { useId, type KeyboardEvent } from 'react';
import type { Prediction } from '../types';

/** Keys a radio group keeps for itself; the rest (PageDown / PageUp from a clicker, Esc) reach the café. */
const PASS_THROUGH = new Set(['PageDown', 'PageUp', 'Escape', 'Tab']);

/** Arrow keys, Space and letters belong to the radios here, not to the café's step / play / order keys. */
function keepKeys(event: KeyboardEvent) {
  if (!PASS_THROUGH.has(event.key)) event.stopPropagation();
}

/**
 * A prediction or quiz question as a native radio group: arrow keys choose, the legend is the
 * question. Once revealed it is locked and marks the right answer and the student's guess.
 */
export function ChoiceGroup({
  prediction,
  choice,
  revealed,
  onChoose,
}: {
  prediction: Prediction;
  choice: string | undefined;
  revealed: boolean;
  onChoose: (id: string) => void;
}) {
  const name = useId();
  return (
    <fieldset className="lesson-choices" disabled={revealed} onKeyDown={keepKeys}>
      <legend>{prediction.question}</legend>
      {prediction.choices.map((c) => {
        const mark = revealed ? (c.correct ? 'right' : c.id === choice ? 'wrong' : undefined) : undefined;
        return (
          <label
            key={c.id}
            className="lesson-choice"
            data-mark={mark}
            data-chosen={c.id === choice || undefined}
          >
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={c.id === choice}
              onChange={() => onChoose(c.id)}
            />
            <span className="lesson-choice-text">{c.text}</span>
            {mark === 'right' && <span className="lesson-choice-mark">✓ right answer</span>}
            {mark === 'wrong' && <span className="lesson-choice-mark">✗ your guess</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
