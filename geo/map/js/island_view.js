if (window.kurilIslands) window.kurilIslands.show({{ this.view }});
