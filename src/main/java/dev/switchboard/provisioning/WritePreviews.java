package dev.switchboard.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A resource type whose writes can be tried without being kept ({@code ?dryRun=true}): each runs
 * exactly as the real write, checks and errors included, and is rolled back.
 */
public interface WritePreviews {
  TemplatePreview previewCreate(ObjectNode input, Caller caller) throws ScimException;

  TemplatePreview previewReplace(String id, ObjectNode input, String ifMatch, Caller caller)
      throws ScimException;

  TemplatePreview previewPatch(String id, ObjectNode request, String ifMatch, Caller caller)
      throws ScimException;

  TemplatePreview previewDelete(String id, String ifMatch, Caller caller) throws ScimException;
}
