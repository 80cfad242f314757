APP = "shop"
