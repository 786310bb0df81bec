import React, {useEffect, useState} from 'react';
import {Text} from './text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner and a label, for a page or a document that is loading. The animation is the only timer. */
export function Spinner({label}: {label: string}) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((current) => (current + 1) % FRAMES.length), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Text color="cyan">{FRAMES[frame]}</Text> <Text dimColor>{label}</Text>
    </Text>
  );
}
