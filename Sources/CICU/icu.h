// Present only so SwiftPM attaches ICU's pkg-config flags. Swift code never imports CICU: it imports the
// ICU-free CICUShim header instead (see ../shared/ICU.md, trap 1).
#include <unicode/utypes.h>
