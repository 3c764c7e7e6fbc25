print("svd: coming")
