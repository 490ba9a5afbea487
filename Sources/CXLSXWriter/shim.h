// The C boundary of mergersim's Excel workbooks: libxlsxwriter (Debian's libxlsxwriter-dev).
#ifndef MERGERSIM_CXLSXWRITER_SHIM_H
#define MERGERSIM_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
