package main

import (
	"bytes"
	"os"
	"testing"
	"time"

	"pathways/guides"
	"pathways/tui"
)

func TestZZShow(t *testing.T) {
	var load, render, total time.Duration
	const n = 100
	for i := range n + 20 {
		t0 := time.Now()
		lib := guides.LoadEmbedded()
		t1 := time.Now()
		g, _ := lib.Guide("glossary")
		r, _ := tui.NewRenderer(lib, "notty", 80)
		out, _ := r.Text(g)
		t2 := time.Now()
		_ = out
		if i >= 20 {
			load += t1.Sub(t0)
			render += t2.Sub(t1)
		}
	}
	var buf bytes.Buffer
	for i := range n + 20 {
		buf.Reset()
		t0 := time.Now()
		run([]string{"show", "glossary"}, os.Stdin, &buf, &buf)
		if i >= 20 {
			total += time.Since(t0)
		}
	}
	t.Logf("load %v render %v; run() %v", load/n, render/n, total/n)
}
