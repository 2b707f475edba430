package state

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// lockFile takes an exclusive lock on path (created 0600 if missing) on
// every platform (flock on Unix, LockFileEx on Windows), polling until
// timeout, and returns the function that releases it. The lock lives on its
// own file because the state file is replaced on every write. The system
// drops it if the process dies. Where the platform allows, a symlink planted
// at path is not followed, so no file is created at its target.
func lockFile(path string, timeout time.Duration) (unlock func(), err error) {
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, lockPoll)
	switch {
	case errors.Is(err, context.DeadlineExceeded), err == nil && !ok:
		_ = fl.Close()
		return nil, ErrLocked
	case err != nil:
		_ = fl.Close()
		return nil, &os.PathError{Op: "lock", Path: path, Err: err}
	}
	return func() {
		_ = fl.Unlock()
		_ = fl.Close()
	}, nil
}
