package guides

import "testing"

func TestAnchor(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"In short", "in-short"},
		{"What changed on January 21, 2025", "what-changed-on-january-21-2025"},
		{"Fees ($155, $100 & $85)", "fees-155-100--85"},
		{"CLB/NCLC 7: who needs it?", "clbnclc-7-who-needs-it"},
		{"Permis de travail ouvert — conjoint", "permis-de-travail-ouvert--conjoint"},
		{"Équivalence des diplômes", "équivalence-des-diplômes"},
		{"日本語の見出し", "日本語の見出し"},
		{"  trimmed  ", "trimmed"},
		{"snake_case-and-hyphen", "snake_case-and-hyphen"},
	}
	for _, tt := range tests {
		if got := Anchor(tt.heading); got != tt.want {
			t.Errorf("Anchor(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func TestAnchorRepeats(t *testing.T) {
	s := anchorSet{}
	got := []string{s.unique("Fees"), s.unique("Fees"), s.unique("Fees"), s.unique("Fees 1"), s.unique("Fees")}
	want := []string{"fees", "fees-1", "fees-2", "fees-1-1", "fees-3"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("anchor %d = %q, want %q (all: %v)", i, got[i], want[i], got)
		}
	}
}
