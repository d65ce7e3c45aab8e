"""Report exports: the PDF, Markdown and HTML renderings and the chart painters they share."""
