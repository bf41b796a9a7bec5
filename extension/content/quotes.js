/*
 * Unveil page layer — marking quotes in the text, and taking the marks out again.
 *
 * The core gives each quote as ranges {node, start, end}: a text node of the snapshot and
 * UTF-16 offsets in it (a quote across a link or <em> has one range per text node). Each
 * range becomes <unveil-quote data-unveil-quote="N" data-unveil-speaker="…" tabindex="0"
 * class="unveil-speaker-K"> (every piece is focusable, so its speaker shows on focus).
 *
 * We split with splitText(), so the page's own text node keeps its identity (it holds the
 * text before the quote); unmarking appends the pieces back to it and drops what we created.
 */
(function () {
  'use strict';
  const Unveil = (globalThis.Unveil = globalThis.Unveil || {});

  const TAG = 'unveil-quote';
  const SPEAKER_COLOURS = 8; // unveil-speaker-0 … unveil-speaker-7 in unveil.css

  class QuoteMarker {
    /** `describe(speaker)` → the accessible description of a mark ("Quote by …"). */
    constructor(log, describe = (speaker) => speaker) {
      this.log = log;
      // One description per speaker, not per piece: a speaker's quotes are many pieces.
      const described = new Map();
      this.describe = (speaker) => {
        if (!described.has(speaker)) described.set(speaker, describe(speaker));
        return described.get(speaker);
      };
      this.marks = []; // in creation order: {original, wrapper, tail}
      this.byQuote = new Map(); // quote index → [wrapper elements]
    }

    get active() {
      return this.marks.length > 0;
    }

    /**
     * Marks `report.quotes` in the page. `textAt(id)` returns the live text node of snapshot
     * node `id`; `unknownSpeaker` is the label for quotes without a resolved speaker.
     */
    mark(report, textAt, unknownSpeaker) {
      const colourOf = speakerColours(report.speakers || []);
      const pieces = [];
      (report.quotes || []).forEach((quote, index) => {
        (quote.ranges || []).forEach((range) => pieces.push({ index, range, speaker: quote.speaker }));
      });
      // Right to left inside each text node, so earlier offsets stay valid after a split.
      pieces.sort((a, b) => a.range.node - b.range.node || b.range.start - a.range.start);
      for (const piece of pieces) {
        const text = textAt(piece.range.node);
        if (!(text instanceof Text) || !text.isConnected) continue;
        const label = piece.speaker || unknownSpeaker;
        const wrapper = this.wrap(text, piece.range, piece.index, label, colourOf(piece.speaker));
        if (!wrapper) continue;
        const list = this.byQuote.get(piece.index) || [];
        list.push(wrapper);
        this.byQuote.set(piece.index, list);
      }
      for (const list of this.byQuote.values()) list.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    }

    wrap(text, { start, end }, index, speaker, colour) {
      if (end > text.length || start >= end) return null;
      const tail = end < text.length ? text.splitText(end) : null;
      const middle = start > 0 ? text.splitText(start) : text;
      if (middle === text) {
        // The quote starts at offset 0: keep the page's node as the quote's text and put an
        // empty anchor for the join back where it was.
        return this.wrapWhole(text, tail, index, speaker, colour);
      }
      const wrapper = this.createWrapper(index, speaker, colour);
      middle.replaceWith(wrapper);
      wrapper.appendChild(middle);
      this.marks.push({ original: text, wrapper, tail });
      return wrapper;
    }

    wrapWhole(text, tail, index, speaker, colour) {
      const wrapper = this.createWrapper(index, speaker, colour);
      text.replaceWith(wrapper);
      wrapper.appendChild(text);
      this.marks.push({ original: text, wrapper, tail, whole: true });
      return wrapper;
    }

    createWrapper(index, speaker, colour) {
      const wrapper = document.createElement(TAG);
      wrapper.setAttribute('data-unveil-quote', String(index));
      wrapper.setAttribute('data-unveil-speaker', speaker);
      wrapper.setAttribute('tabindex', '0');
      // Screen readers announce the speaker on focus (the ::after tooltip is visual only).
      wrapper.setAttribute('aria-description', this.describe(speaker));
      wrapper.className = `unveil-speaker-${colour}`;
      return wrapper;
    }

    /** Removes every mark, in reverse order of creation, re-joining the split text. */
    unmarkAll() {
      for (const { original, wrapper, tail, whole } of this.marks.reverse()) {
        try {
          this.unwrap(original, wrapper, tail, whole);
        } catch (error) {
          this.log('unmark failed', error);
        }
      }
      this.marks = [];
      this.byQuote.clear();
    }

    unwrap(original, wrapper, tail, whole) {
      if (whole) {
        if (wrapper.isConnected) wrapper.replaceWith(...wrapper.childNodes);
      } else {
        original.appendData(wrapper.textContent);
        wrapper.remove();
      }
      if (tail) {
        original.appendData(tail.data);
        tail.remove();
      }
    }

    /** Scrolls to quote `index` and flashes it. */
    scrollTo(index) {
      const pieces = this.byQuote.get(index);
      if (!pieces?.length) return false;
      pieces[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      for (const piece of pieces) {
        piece.classList.remove('unveil-flash');
        void piece.offsetWidth; // restart the animation
        piece.classList.add('unveil-flash');
        setTimeout(() => piece.classList.remove('unveil-flash'), 1600);
      }
      pieces[0].focus({ preventScroll: true });
      return true;
    }
  }

  /** Speaker → colour number, in the report's speaker order (most quoted first). */
  function speakerColours(speakers) {
    const colours = new Map();
    speakers.forEach((group, k) => colours.set(group.speaker ?? null, k % SPEAKER_COLOURS));
    return (speaker) => colours.get(speaker ?? null) ?? 0;
  }

  Unveil.QuoteMarker = QuoteMarker;
})();
