package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestViewsGolden pins what each screen looks like at fixed sizes, in the
// plain style, escape codes removed. Run with -update after a deliberate
// change and read the diff.
func TestViewsGolden(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		opts Options
		do   func(d *driver)
	}{
		{"browse-wide", 120, 36, Options{}, nil},
		{"browse-narrow", 70, 24, Options{}, func(d *driver) { d.keys("j", "j") }},
		{"reader", 80, 24, Options{Slug: "spousal-open-work-permit"}, func(d *driver) { d.keys("tab") }},
		{"search", 80, 24, Options{}, func(d *driver) { d.keys("/"); d.typeText("pgwp language") }},
		{"outline", 80, 24, Options{Slug: "bridging-open-work-permit"}, func(d *driver) { d.keys("t", "j") }},
		{"help", 100, 30, Options{Slug: "glossary"}, func(d *driver) { d.keys("?") }},
		{"too-small", 30, 8, Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, embedded, tt.opts, tt.w, tt.h)
			if tt.do != nil {
				tt.do(d)
			}
			got := ansi.Strip(d.m.View().Content)
			lines := strings.Split(got, "\n")
			if len(lines) > tt.h {
				t.Errorf("view has %d lines, taller than %d", len(lines), tt.h)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > tt.w {
					t.Errorf("line %d is %d wide, wider than %d: %q", i, w, tt.w, l)
				}
			}
			path := filepath.Join("testdata", "golden", tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./tui -run TestViewsGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("view differs from %s (run with -update if intended):\n--- got\n%s\n--- want\n%s", path, got, want)
			}
		})
	}
}
