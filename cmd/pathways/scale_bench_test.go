package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"pathways/guides"
	"pathways/guides/guidestest"
)

// The scale benchmarks hold pathways to a large library (issue 15): each
// runs on the embedded guides alone and with a folder of generated guides
// beside them (guidestest.LargeSize: 2,000 unless PATHWAYS_BENCH_GUIDES
// says otherwise; the table also has 20,000). They run the binary
// as a user does; PATHWAYS_BENCH_BIN runs another build of it instead, so
// the same benchmark measures the code before a change.
//
//	PATHWAYS_BENCH_GUIDES=20000 go test ./cmd/pathways -run '^$' -bench Scale -benchtime 3x

// scaleCase is one library size.
type scaleCase struct {
	name  string   // guides=N, N counting the embedded guides
	args  []string // the flags that load it
	total int
}

func scaleCases(b *testing.B) []scaleCase {
	b.Helper()
	embedded := len(guides.LoadEmbedded().Guides())
	n := guidestest.LargeSize()
	dir, err := guidestest.SyntheticDir(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	return []scaleCase{
		{name: fmt.Sprintf("guides=%d", embedded), total: embedded},
		{name: fmt.Sprintf("guides=%d", embedded+n), args: []string{"--dir", dir}, total: embedded + n},
	}
}

// benchBinary is the binary under measurement.
func benchBinary(b *testing.B) string {
	if bin := os.Getenv("PATHWAYS_BENCH_BIN"); bin != "" {
		return bin
	}
	return binary(b)
}

// BenchmarkScaleShow prints one guide (the embedded glossary, the longest)
// to a pipe: its cost should grow with the library's front matter only.
func BenchmarkScaleShow(b *testing.B) {
	for _, c := range scaleCases(b) {
		b.Run(c.name, func(b *testing.B) { benchProcess(b, append(c.args, "show", "glossary")...) })
	}
}

// BenchmarkScaleSearch is `pathways search permit` as a process: load,
// index and rank the whole library.
func BenchmarkScaleSearch(b *testing.B) {
	for _, c := range scaleCases(b) {
		b.Run(c.name, func(b *testing.B) { benchProcess(b, append(c.args, "search", "permit")...) })
	}
}

// firstScreen starts the browser at 120×36 and waits for its first
// complete screen: the list with its count, the preview and the footer.
func firstScreen(b *testing.B, c scaleCase) *screen {
	s := startBin(b, benchBinary(b), 120, 36, nil, c.args...)
	count := fmt.Sprintf("%d guides", c.total)
	s.waitLong("the first complete screen", 120*time.Second, func(txt string) bool {
		return strings.Contains(txt, count) && strings.Contains(txt, "enter open") && strings.Contains(txt, "In short")
	})
	return s
}

// BenchmarkScaleFirstScreen is from starting the binary to the browser's
// first complete screen.
func BenchmarkScaleFirstScreen(b *testing.B) {
	for _, c := range scaleCases(b) {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				s := firstScreen(b, c)
				b.StopTimer()
				s.send("q")
				s.exit()
				b.StartTimer()
			}
		})
	}
}

// searchShown reports whether the search pane shows results: the
// footer counts them (" 1/10 "), and no notice says they are to come.
func searchShown(txt string) bool {
	return strings.Contains(txt, "Search:") && strings.Contains(txt, " 1/") && !strings.Contains(txt, "Indexing")
}

// BenchmarkScaleKeystroke is the time from the last key of a search
// ("/permit") to its results on screen: typed as soon as the first
// screen is up (while the library is being indexed), and typed once the
// browser has gone idle (indexed).
func BenchmarkScaleKeystroke(b *testing.B) {
	for _, c := range scaleCases(b) {
		for _, when := range []string{"indexing", "indexed"} {
			b.Run(c.name+"/"+when, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					s := firstScreen(b, c)
					if when == "indexed" {
						s.waitIdle(b)
					}
					s.send("/permi")
					s.waitLong("the search pane", 120*time.Second, func(txt string) bool { return strings.Contains(txt, "permi") })
					b.StartTimer()
					s.send("t")
					s.waitLong("search results", 300*time.Second, searchShown)
					b.StopTimer()
					_ = s.cmd.Process.Kill()
					<-s.done
					b.StartTimer()
				}
			})
		}
	}
}

// BenchmarkScaleIdle is the browser's CPU use over 10 s once its
// start-up work is done, as a percentage of one core.
func BenchmarkScaleIdle(b *testing.B) {
	for _, c := range scaleCases(b) {
		b.Run(c.name, func(b *testing.B) {
			var pct float64
			for b.Loop() {
				s := firstScreen(b, c)
				s.waitIdle(b)
				before := s.cpuTime(b)
				time.Sleep(10 * time.Second)
				pct = 100 * (s.cpuTime(b) - before).Seconds() / 10
				s.send("q")
				s.exit()
			}
			b.ReportMetric(pct, "cpu-%")
		})
	}
}

// cpuTime is the user and system time the program has used so far.
func (s *screen) cpuTime(b *testing.B) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	// The fields after the command name, which is in parentheses: utime
	// and stime are the 12th and 13th, in clock ticks (100 a second).
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// waitIdle waits until the program has used less than 2% of a core over
// a whole second: the start-up work (reading and indexing the library)
// is over.
func (s *screen) waitIdle(b *testing.B) {
	deadline := time.Now().Add(5 * time.Minute)
	for last := s.cpuTime(b); time.Now().Before(deadline); {
		time.Sleep(time.Second)
		now := s.cpuTime(b)
		if now-last < 20*time.Millisecond {
			return
		}
		last = now
	}
	b.Fatal("the browser never went idle")
}

// waitLong is waitFor with a limit of its own (large libraries take
// longer), polling more often and cheaply, for the benchmarks.
func (s *screen) waitLong(what string, limit time.Duration, ok func(string) bool) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	seen := -1
	for time.Now().Before(deadline) {
		s.mu.Lock()
		n := s.raw.Len()
		s.mu.Unlock()
		// The screen is read again only when more output came, so the
		// polling takes little of the CPU the program is using.
		if n != seen {
			seen = n
			if ok(s.text()) {
				return
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s.text())
}
