// A single-page app: everything renders in the browser (the api serves build/index.html as fallback).
export const ssr = false;
export const prerender = false;
