/** One line of progress on stderr (a terminal only): done/total, rate and time left. */
export function progressLine(label: string) {
  const started = performance.now();
  let last = 0;
  return {
    update(done: number, total: number, unit = "households") {
      const now = performance.now();
      if (now - last < 200 && done < total) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 1e-3);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      process.stderr.write(`\r${label}: ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit} (${percent}%) · ${Math.round(rate).toLocaleString("en-US")}/s · ${eta.toFixed(0)} s left   `);
    },
    /** Replaces the line with a note about the stage that has no count to show. */
    note(text: string) {
      process.stderr.write(`\r\x1b[2K${label}: ${text}`);
    },
    done() {
      process.stderr.write("\r\x1b[2K");
    },
  };
}
