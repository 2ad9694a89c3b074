export {
  TEMPLATE_PLACEHOLDERS,
  fillTemplate,
  unknownPlaceholdersOf,
  type FilledTemplate,
  type TemplatePlaceholder,
  type TemplateValues,
  type UnresolvedPlaceholder,
} from './fill-template.js';
