"""The formats of ``claimcheck verify``, one module each, registered in
:data:`claimcheck.report.FORMATS`."""
