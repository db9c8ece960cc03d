if (window.kurilView) window.kurilView.show({{ this.view }});
