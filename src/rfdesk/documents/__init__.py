"""PDF documents: GB/T 9704 notices and circulars, receipts, reports."""
