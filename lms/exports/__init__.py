"""Files built in the background (certificate ZIPs, dashboard tables): one model, one page."""
