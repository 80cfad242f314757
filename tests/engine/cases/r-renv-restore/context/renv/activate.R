local({
  version <- "1.0.7"
  # bootstraps renv
})
