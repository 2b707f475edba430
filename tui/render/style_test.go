package render

import "testing"

// TestResolveStyle covers every combination of --style, NO_COLOR,
// CLICOLOR_FORCE and terminal or pipe.
func TestResolveStyle(t *testing.T) {
	for _, flag := range []string{"", "auto", "dark", "light", "notty", "ascii"} {
		for _, noColor := range []bool{false, true} {
			for _, force := range []bool{false, true} {
				for _, terminal := range []bool{false, true} {
					o := Output{Style: flag, NoColor: noColor, ForceColor: force, Terminal: terminal}
					got, err := ResolveStyle(o)
					if err != nil {
						t.Fatalf("%+v: %v", o, err)
					}
					want := "auto"
					switch {
					case flag != "" && flag != "auto":
						want = flag // an explicit style wins over everything
					case noColor:
						want = "notty"
					case !terminal && !force:
						want = "notty"
					}
					if got != want {
						t.Errorf("style %q, NO_COLOR %v, CLICOLOR_FORCE %v, terminal %v: %q, want %q", flag, noColor, force, terminal, got, want)
					}
				}
			}
		}
	}
	if _, err := ResolveStyle(Output{Style: "neon"}); err == nil {
		t.Error("an unknown style was accepted")
	}
}

func TestOutputFromEnv(t *testing.T) {
	for _, c := range []struct {
		noColor, force string
		wantNo, wantF  bool
	}{{"", "", false, false}, {"1", "", true, false}, {"", "1", false, true}, {"", "0", false, false}, {"0", "yes", true, true}} {
		env := map[string]string{"NO_COLOR": c.noColor, "CLICOLOR_FORCE": c.force}
		o := OutputFromEnv(Output{}, func(k string) string { return env[k] })
		if o.NoColor != c.wantNo || o.ForceColor != c.wantF {
			t.Errorf("NO_COLOR=%q CLICOLOR_FORCE=%q: %+v", c.noColor, c.force, o)
		}
	}
}

func TestBackgroundAndWidth(t *testing.T) {
	asked := false
	if got := Background("light", func() bool { asked = true; return true }); got != "light" || asked {
		t.Errorf("an explicit style asked the terminal or changed: %q", got)
	}
	if Background("auto", func() bool { return false }) != "light" || Background("auto", nil) != "dark" {
		t.Error("auto does not follow the terminal's background")
	}
	for _, c := range []struct {
		o    Output
		want int
	}{
		{Output{Width: 60, Terminal: true, TermWidth: 200}, 60},
		{Output{Terminal: true, TermWidth: 200}, 100},
		{Output{Terminal: true, TermWidth: 70}, 70},
		{Output{}, 80},
	} {
		if got := ResolveWidth(c.o); got != c.want {
			t.Errorf("%+v: width %d, want %d", c.o, got, c.want)
		}
	}
	for _, c := range [][3]int{{120, 0, 100}, {60, 0, 59}, {120, 70, 70}, {50, 70, 49}, {10, 0, 20}} {
		if got := ReaderWidth(c[0], c[1]); got != c[2] {
			t.Errorf("ReaderWidth(%d, %d) = %d, want %d", c[0], c[1], got, c[2])
		}
	}
}
