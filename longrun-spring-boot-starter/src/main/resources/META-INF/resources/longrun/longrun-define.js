// Importing this module defines every `longrun-*` element at once. Elements connect and fetch right away, so hand
// over a token before this import runs: <meta name="longrun-token" content="…"> in the page's <head>, or call
// configure() from longrun-elements.js and then import this module (or call defineAll()).
import { defineAll } from './longrun-elements.js';

defineAll();
