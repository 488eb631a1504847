// The hotline form: Ctrl+Enter (or Cmd+Enter) in a text box saves, as Enter does in a one-line field.
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.form && event.target.form.id === "hotline-form") {
    event.preventDefault();
    event.target.form.requestSubmit();
  }
});
