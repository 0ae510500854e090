print("loadtest: not written yet")
