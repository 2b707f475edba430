package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"pathways/guides/guidestest"
)

// BenchmarkFirstScreen is the whole program as a user meets it: from
// starting the binary in a 120×36 pseudo-terminal to the browser's first
// complete screen (the guide list, the preview of the selected guide and
// the footer), with the embedded guides. The target is 50 ms.
func BenchmarkFirstScreen(b *testing.B) {
	binary(b)
	complete := func(txt string) bool {
		return strings.Contains(txt, "18 guides") && strings.Contains(txt, "▌ Work permits as a pathway") &&
			strings.Contains(txt, "enter open") && strings.Contains(txt, "In short")
	}
	for b.Loop() {
		s := start(b, 120, 36, nil)
		s.waitLong("a complete first screen", 10*time.Second, complete)
		b.StopTimer()
		s.send("q")
		s.exit()
		b.StartTimer()
	}
}

// benchProcess runs the binary (benchBinary) once per op with stdout to a
// pipe, as a script would, and reports the median op (the issue's
// whole-program targets are medians) next to the mean.
func benchProcess(b *testing.B, args ...string) {
	bin := benchBinary(b)
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "PATHWAYS_STATE=off", "NO_COLOR=")
		out, err := cmd.Output()
		times = append(times, time.Since(start))
		if err != nil || len(out) == 0 {
			b.Fatalf("%v: %v (%d bytes out)", args, err, len(out))
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkShowLongest is `pathways show glossary` (the longest guide) to
// a pipe; the target is a median under 20 ms.
func BenchmarkShowLongest(b *testing.B) { benchProcess(b, "show", "glossary") }

// BenchmarkList is `pathways list` to a pipe; the target is a median
// under 15 ms.
func BenchmarkList(b *testing.B) { benchProcess(b, "list") }

// BenchmarkCompletion is one Tab of slug completion, as a process, over a
// folder of 2,000 synthetic guides: it reads front matter only, and the
// target is a median under 0.3 s.
func BenchmarkCompletion(b *testing.B) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, guidestest.SyntheticCorpus(2000, 1)); err != nil {
		b.Fatal(err)
	}
	benchProcess(b, "--dir", dir, "__complete", "show", "synthetic-guide-1")
}
