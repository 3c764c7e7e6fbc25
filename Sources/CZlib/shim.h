// The system zlib: inflate and deflate for PNG image data.
#include <zlib.h>
