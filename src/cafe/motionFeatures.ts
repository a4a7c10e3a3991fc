// framer-motion's animation and layout features, split into their own chunk: the café draws its
// first frame without them and eases between model states once they arrive (see Cafe.tsx).
export { domMax as default } from 'framer-motion';
