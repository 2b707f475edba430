package main

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkFirstScreen is the whole program as a user meets it: from
// starting the binary in a 120×36 pseudo-terminal to the browser's first
// complete screen (the guide list, the preview of the selected guide and
// the footer), with the embedded guides. The target is 50 ms.
func BenchmarkFirstScreen(b *testing.B) {
	binary(b)
	complete := func(txt string) bool {
		return strings.Contains(txt, "16 guides") && strings.Contains(txt, "▌ Work permits as a pathway") &&
			strings.Contains(txt, "enter open") && strings.Contains(txt, "In short")
	}
	for b.Loop() {
		s := start(b, 120, 36, nil)
		deadline := time.Now().Add(10 * time.Second)
		seen := -1
		for {
			// The screen is only read again when more output came, so the
			// polling takes little of the CPU the program is using.
			s.mu.Lock()
			n := s.raw.Len()
			s.mu.Unlock()
			if n != seen {
				seen = n
				if complete(s.text()) {
					break
				}
			}
			if time.Now().After(deadline) {
				b.Fatalf("no complete first screen; screen:\n%s", s.text())
			}
			time.Sleep(100 * time.Microsecond)
		}
		b.StopTimer()
		s.send("q")
		s.exit()
		b.StartTimer()
	}
}
