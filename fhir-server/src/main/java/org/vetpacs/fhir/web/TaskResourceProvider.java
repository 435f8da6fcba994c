package org.vetpacs.fhir.web;

import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.vetpacs.fhir.service.TaskService;

/**
 * {@code /fhir/Task}: the workflow Tasks the server keeps (reconciliation queue items, patient
 * merges), read-only: staff act through {@code /api/reconciliation}, which completes the Task.
 * Searchable by status, focus (e.g. {@code ImagingStudy/1.2.3}), code (e.g. {@code
 * reconcile-study}) and patient ({@code Task.for}).
 */
public class TaskResourceProvider implements IResourceProvider {

  private final TaskService tasks;

  TaskResourceProvider(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read(version = true)
  public Task read(@IdParam IdType id) {
    return id.hasVersionIdPart() ? tasks.vread(id.getIdPart(), id.getVersionIdPart())
        : tasks.read(id.getIdPart());
  }

  @History
  public List<Task> history(@IdParam IdType id) {
    return tasks.history(id.getIdPart());
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenOrListParam ids,
      @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status,
      @OptionalParam(name = Task.SP_CODE) TokenOrListParam code,
      @OptionalParam(name = Task.SP_FOCUS) ReferenceOrListParam focus,
      @OptionalParam(name = Task.SP_PATIENT, targetTypes = Patient.class)
          ReferenceOrListParam patient,
      @Sort SortSpec sort) {
    SearchParams p = new SearchParams("Task").ids(ids)
        .token("status", status)
        .token("code", code)
        .reference("focus", focus, null)
        .reference("patient", patient, "Patient")
        .sort(sort, Task.SP_AUTHORED_ON);
    return tasks.search(p.build(), null);
  }
}
