package main

import (
	"runtime/debug"
	"testing"
)

func TestDescribeVersion(t *testing.T) {
	build := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-04T18:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	for _, c := range []struct {
		release string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"", build, true, "(devel) (commit 0123456789ab, 2026-12-04, modified)"},
		{"v1.0.0", build, true, "v1.0.0 (commit 0123456789ab, 2026-12-04, modified)"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "v1.2.3"},
		{"", nil, false, "(devel)"},
	} {
		if got := describeVersion(c.release, c.info, c.ok); got != c.want {
			t.Errorf("describeVersion(%q) = %q, want %q", c.release, got, c.want)
		}
	}
}
