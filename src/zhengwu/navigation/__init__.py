"""The Chinese site's navigation: columns (栏目), indexes and the site map."""
