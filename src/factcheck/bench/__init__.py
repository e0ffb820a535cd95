"""The benchmark: a synthetic corpus (`corpus`) and the runs that measure the pipeline on it
(`measure`). Used by `factcheck bench` and `make bench`."""
