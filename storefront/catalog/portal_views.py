"""Producer portal pages of the catalogue, on the "catalog" blueprint: the overview and the
producer's own products with their pictures. Another producer's product is a 404."""

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from storefront.accounts.access import current_producer, producer_member_required, signed_in_user
from storefront.catalog import products as service
from storefront.catalog.errors import CatalogError
from storefront.catalog.forms import ActionForm, ImageForm, NewProductForm, ProductForm
from storefront.catalog.models import Category, Product, ProductStatus
from storefront.catalog.portal import find_own_product, overview, own_products, standing
from storefront.catalog.views import bp
from storefront.clock import today_in_vietnam
from storefront.extensions import db


def _upload_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def own_product_or_404(product_id: int) -> Product:
    """The signed-in member's product with this id; 404 for anyone else's."""
    product = find_own_product(current_producer(), product_id)
    if product is None:
        abort(404)
    return product


def _category_choices() -> list[SelectChoice]:
    categories = db.session.scalars(select(Category).order_by(Category.position, Category.id))
    by_id = {c.id: c for c in categories}
    choices = []
    for category in by_id.values():
        parent = by_id.get(category.parent_id) if category.parent_id else None
        if parent is None and any(c.parent_id == category.id for c in by_id.values()):
            continue  # only the leaves of the tree hold products
        label = f"{parent.name} › {category.name}" if parent else category.name
        choices.append(SelectChoice(category.id, label))
    return sorted(choices, key=lambda choice: choice.label)


def _details(form: ProductForm) -> service.ProductDetails:
    return service.ProductDetails(
        name=form.name.data,
        name_en=form.name_en.data,
        category=db.session.get_one(Category, form.category.data),
        unit=form.unit.data,
        unit_en=form.unit_en.data,
        price_vnd=form.price_vnd.data,
        weight_grams=form.weight_grams.data,
        description=form.description.data or "",
        description_en=form.description_en.data,
        story=form.story.data or "",
        story_en=form.story_en.data,
    )


@bp.get("/producer/")
@producer_member_required
def portal_home() -> str:
    producer = current_producer()
    return render_template(
        "catalog/portal/home.html",
        producer=producer,
        overview=overview(producer, today=today_in_vietnam()),
    )


@bp.get("/producer/products")
@producer_member_required
def portal_products() -> str:
    today = today_in_vietnam()
    standings = [standing(p, today=today) for p in own_products(current_producer())]
    return render_template("catalog/portal/products.html", standings=standings)


@bp.route("/producer/products/new", methods=["GET", "POST"])
@producer_member_required
def portal_product_new() -> Response | str:
    form = NewProductForm()
    form.category.choices = _category_choices()
    if form.validate_on_submit():
        product = service.create_product(
            current_producer(),
            details=_details(form),
            opening_stock=form.opening_stock.data,
            actor=signed_in_user(),
        )
        flash(_("The product is saved as a draft. Add pictures, then publish it."))
        return redirect(url_for("catalog.portal_product_edit", product_id=product.id))
    return render_template("catalog/portal/product_new.html", form=form)


def _product_form(product: Product, *, from_request: bool) -> ProductForm:
    """The edit form: as posted, or filled from the product."""
    form = ProductForm() if from_request else ProductForm(formdata=None, obj=product)
    form.category.choices = _category_choices()
    if not from_request:
        form.category.data = product.category_id
    return form


def _edit_page(product: Product, *, form: ProductForm, image_form: ImageForm) -> str:
    return render_template(
        "catalog/portal/product_edit.html",
        product=product,
        form=form,
        image_form=image_form,
        action_form=ActionForm(),
        actions=service.actions_for(product.status),
    )


@bp.route("/producer/products/<int:product_id>", methods=["GET", "POST"])
@producer_member_required
def portal_product_edit(product_id: int) -> Response | str:
    product = own_product_or_404(product_id)
    form = _product_form(product, from_request=request.method == "POST")
    if form.validate_on_submit():
        service.update_product(product, details=_details(form))
        flash(_("Your changes are saved."))
        return redirect(url_for("catalog.portal_product_edit", product_id=product.id))
    return _edit_page(product, form=form, image_form=ImageForm())


@bp.post("/producer/products/<int:product_id>/<any(publish, withdraw, archive, restore):action>")
@producer_member_required
def portal_product_status(product_id: int, action: str) -> Response:
    product = own_product_or_404(product_id)
    if ActionForm().validate_on_submit():
        try:
            service.change_status(product, action=action)
        except CatalogError as error:
            flash(error.message())
        else:
            flash(_("The product's state is now: %(state)s.", state=_status_label(product.status)))
    return redirect(url_for("catalog.portal_product_edit", product_id=product.id))


def _status_label(status: ProductStatus) -> str:
    return {
        ProductStatus.DRAFT: _("draft"),
        ProductStatus.ACTIVE: _("published"),
        ProductStatus.ARCHIVED: _("archived"),
    }[status]


@bp.post("/producer/products/<int:product_id>/images")
@producer_member_required
def portal_image_add(product_id: int) -> Response | str:
    product = own_product_or_404(product_id)
    image_form = ImageForm()
    if image_form.validate_on_submit():
        upload = image_form.picture.data
        try:
            service.add_image(
                product,
                stream=upload.stream,
                filename=upload.filename,
                alt=image_form.alt.data or "",
                upload_dir=_upload_dir(),
            )
        except CatalogError as error:
            image_form.picture.errors.append(error.message())
        else:
            flash(_("The picture is added."))
            return redirect(url_for("catalog.portal_product_edit", product_id=product.id))
    return _edit_page(
        product, form=_product_form(product, from_request=False), image_form=image_form
    )


@bp.post("/producer/products/<int:product_id>/images/<int:image_id>/<any(remove, first):action>")
@producer_member_required
def portal_image_change(product_id: int, image_id: int, action: str) -> Response:
    product = own_product_or_404(product_id)
    image = next((i for i in product.images if i.id == image_id), None)
    if image is None:
        abort(404)
    if ActionForm().validate_on_submit():
        if action == "remove":
            service.remove_image(product, image, upload_dir=_upload_dir())
            flash(_("The picture is removed."))
        else:
            service.move_image_first(product, image)
            flash(_("This picture now comes first."))
    return redirect(url_for("catalog.portal_product_edit", product_id=product.id))
