library(shiny)
ui <- fluidPage("hi")
server <- function(input, output) {}
shinyApp(ui, server)
