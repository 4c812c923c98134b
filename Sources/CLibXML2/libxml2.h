// Present only so SwiftPM attaches libxml2's pkg-config flags. Swift code never imports CLibXML2: it imports the
// libxml2-free CHTMLShim header instead (Foundation carries its own XML stack; the two must not meet in Swift).
#include <libxml/xmlversion.h>
